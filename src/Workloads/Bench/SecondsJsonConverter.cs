using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lab.Workloads.Bench;

/// <summary>Writes durations as plain numbers of seconds, which plotting tools read directly, instead of "00:00:00.1234567".</summary>
public sealed class SecondsJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value.TotalSeconds, 7));
}
