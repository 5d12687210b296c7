using System.Globalization;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Lab.Cli.Commands;

/// <summary>Reads durations as people type them: "30s", "2m", "1500ms", "1h", a bare number of seconds, or "00:01:30".</summary>
public static class Duration
{
    /// <summary>The accepted forms, for error messages and help.</summary>
    public const string Forms = "a duration such as 30s, 2m, 1500ms or 00:01:30";

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive duration.</summary>
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
            if (value <= 0 || double.IsInfinity(value) || value * scale > TimeSpan.MaxValue.TotalSeconds) return false;
            duration = TimeSpan.FromSeconds(value * scale);
            return true;
        }
        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    /// <summary>An option that takes a duration and reports a readable parse error for anything else.</summary>
    public static Option<TimeSpan?> Option(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = Parse,
    };

    private static TimeSpan? Parse(ArgumentResult result)
    {
        string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParse(token, out TimeSpan duration)) return duration;
        result.AddError($"'{token}' is not {Forms}.");
        return null;
    }
}
