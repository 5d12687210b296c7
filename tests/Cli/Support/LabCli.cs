using Lab.Cli.Terminal;

namespace Lab.Cli.Tests.Support;

/// <summary>Runs the real lab command line in this process, capturing what it prints.</summary>
public static class LabCli
{
    /// <summary>Runs <c>lab &lt;arguments&gt;</c> and returns its exit code and output.</summary>
    public static CliResult Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = LabApplication.Run(arguments, LabConsole.ForWriters(output, error));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
