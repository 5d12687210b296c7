using Spectre.Console;

namespace Lab.Cli.Terminal;

/// <summary>
/// Where a command writes: a Spectre console for tables and progress, the raw writer behind it for help text, and an
/// error writer. Tests build one over string writers; the process builds one over the real console.
/// </summary>
public sealed class LabConsole
{
    /// <summary>The width used when output is not a terminal, wide enough for interleaving tables.</summary>
    public const int RedirectedWidth = 200;

    private LabConsole(IAnsiConsole output, TextWriter outWriter, TextWriter error, bool isInteractive)
    {
        Out = output;
        OutWriter = outWriter;
        Error = error;
        IsInteractive = isInteractive;
    }

    /// <summary>The console for tables, rules and live progress.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>The plain writer behind <see cref="Out"/> (help text, JSON).</summary>
    public TextWriter OutWriter { get; }

    /// <summary>Where errors go.</summary>
    public TextWriter Error { get; }

    /// <summary>True on a terminal: live progress bars; false when redirected: plain progress lines.</summary>
    public bool IsInteractive { get; }

    /// <summary>The console of this process; plain, wide and non-interactive when stdout is redirected.</summary>
    public static LabConsole ForProcess()
    {
        bool redirected = Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return new LabConsole(console, Console.Out, Console.Error, !redirected && console.Profile.Capabilities.Interactive);
    }

    /// <summary>A plain console over writers, for tests and for capturing output.</summary>
    public static LabConsole ForWriters(TextWriter output, TextWriter error)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = RedirectedWidth;
        return new LabConsole(console, output, error, isInteractive: false);
    }

    /// <summary>Writes one line of plain text, never wrapped, so paths and commands stay copyable.</summary>
    public void Line(string text = "") => OutWriter.WriteLine(text);

    /// <summary>Writes an error message on the error writer, prefixed so it stands out in logs.</summary>
    public void ReportError(string message) => Error.WriteLine("error: " + message);
}
