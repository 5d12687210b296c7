using System.CommandLine;
using Lab.Cli.Commands;
using Lab.Cli.Terminal;

namespace Lab.Cli;

/// <summary>The <c>lab</c> command line: one root command with a sub-command per job, runnable in process by tests.</summary>
public static class LabApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command against <paramref name="console"/>, and returns its exit code.</summary>
    public static int Run(IReadOnlyList<string> args, LabConsole console)
    {
        RootCommand root = CreateRootCommand(console);
        var invocation = new InvocationConfiguration { Output = console.OutWriter, Error = console.Error, EnableDefaultExceptionHandler = false };
        ParseResult parse = root.Parse(args);
        return parse.Errors.Count > 0 ? ParseErrors.Report(parse, console) : parse.Invoke(invocation);
    }

    /// <summary>Builds the command tree; commands write to <paramref name="console"/> so tests can read what they print.</summary>
    public static RootCommand CreateRootCommand(LabConsole console)
    {
        var root = new RootCommand(
            "Concurrency Hazards Lab: explore the interleavings of classic concurrency bugs, replay them, and grade student fixes.\n" +
            "Exit codes: 0 no bug, 1 usage or input error, 2 bug found (or reproduced), 3 tour or grading expectations not met.");
        root.Add(ListCommand.Create(console));
        root.Add(ExploreCommand.Create(console));
        root.Add(ReplayCommand.Create(console));
        root.Add(TourCommand.Create(console));
        root.Add(GradeCommand.Create(console));
        root.Add(GradeOneCommand.Create(console));
        root.Add(BenchCommand.Create(console));
        root.Add(RewriteCommand.Create(console));
        return root;
    }
}
