using System.Collections.Concurrent;
using System.Text.Json;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Testing;

/// <summary>
/// The <see cref="TestingEngine.ReplayVariable"/> as one exploration sees it. Every exploration in the process reads
/// it, so it must only ever affect the test it names: a trace of another test is ignored; a trace that cannot be
/// read fails the exploration whose name it carries (in the file, or in the file name the engine gave it), and any
/// other exploration goes on normally, after a warning when it cannot tell whose trace it was.
/// </summary>
internal static class ReplayRequest
{
    private static readonly ConcurrentDictionary<string, bool> Warned = new();

    /// <summary>The trace to replay for <paramref name="testName"/>, or null to explore; throws when the trace is this test's and unusable.</summary>
    public static ScheduleTrace? For(string testName, TextWriter warnings)
    {
        string? path = Environment.GetEnvironmentVariable(TestingEngine.ReplayVariable);
        if (string.IsNullOrWhiteSpace(path)) return null;
        try
        {
            ScheduleTrace trace = TraceFile.Load(path);
            return trace.TestName == testName ? trace : null;
        }
        catch (TraceFormatException error)
        {
            string? owner = TestNameIn(path);
            if (owner == testName || (owner is null && TraceFile.IsFileNameFor(path, testName)))
            {
                throw new TraceFormatException(path,
                    $"{TestingEngine.ReplayVariable} names a trace of test '{testName}', but {error.Problem}. " +
                    $"Point {TestingEngine.ReplayVariable} at the trace file the failure printed, or unset it to explore", error);
            }
            if (owner is null && Warned.TryAdd(path, true))
            {
                warnings.WriteLine($"warning: {TestingEngine.ReplayVariable}={path} is ignored: {error.Problem}, and it does not say which " +
                                   "test it belongs to. Explorations run normally; unset the variable or point it at a trace file.");
            }
            return null;
        }
    }

    /// <summary>The "test" field of a file that is JSON but not a usable trace, or null when even that cannot be read.</summary>
    private static string? TestNameIn(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("test", out JsonElement test)
                && test.ValueKind == JsonValueKind.String ? test.GetString() : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
