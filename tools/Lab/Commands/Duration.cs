using System.Globalization;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Lab.Cli.Commands;

/// <summary>Reads durations as people type them: "30s", "2m", "1500ms", "1h", a bare number of seconds, or "00:01:30".</summary>
public static class Duration
{
    /// <summary>The accepted forms, for error messages and help.</summary>
    public const string Forms = "a duration such as 30s, 2m, 1500ms or 00:01:30";

    /// <summary>The longest duration any option takes: longer is a typo, and would overflow the limits derived from it.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive, finite duration of at most <see cref="Longest"/>.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        string trimmed = text.Trim().ToLowerInvariant();
        (string number, double scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
            _ => (trimmed, 1.0),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            double seconds = value * scale;
            if (!double.IsFinite(seconds) || seconds <= 0 || seconds > Longest.TotalSeconds) return false;
            duration = TimeSpan.FromSeconds(seconds);
            return duration > TimeSpan.Zero;
        }
        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero && duration <= Longest;
    }

    /// <summary>An option that takes a duration of at least <paramref name="minimum"/> and reports a readable parse error for anything else.</summary>
    public static Option<TimeSpan?> Option(string name, string description, TimeSpan? minimum = null) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result => Parse(result, name, minimum ?? TimeSpan.FromMilliseconds(1)),
    };

    private static TimeSpan? Parse(ArgumentResult result, string name, TimeSpan minimum)
    {
        string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        string range = $"from {Describe(minimum)} to {Describe(Longest)}";
        if (!TryParse(token, out TimeSpan duration))
        {
            result.AddError($"{name} takes {Forms}, {range}; '{token}' is not a duration.");
            return null;
        }
        if (duration < minimum)
        {
            result.AddError($"{name} takes {Forms}, {range}; '{token}' is too short.");
            return null;
        }
        return duration;
    }

    /// <summary>A duration in the shortest form people read, "5s", "1500ms", "7d".</summary>
    public static string Describe(TimeSpan duration) => duration switch
    {
        _ when duration.TotalDays >= 1 && duration.TotalDays % 1 == 0 => $"{duration.TotalDays:0}d",
        _ when duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 => $"{duration.TotalHours:0}h",
        _ when duration.TotalMinutes >= 1 && duration.TotalMinutes % 1 == 0 => $"{duration.TotalMinutes:0}m",
        _ when duration.TotalSeconds >= 1 && duration.TotalSeconds % 1 == 0 => $"{duration.TotalSeconds:0}s",
        _ => $"{duration.TotalMilliseconds:0.###}ms",
    };
}
