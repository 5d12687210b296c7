using System.CommandLine;
using Lab.Cli.Terminal;
using Lab.Systematic.Traces;

namespace Lab.Cli.Commands;

/// <summary>Wraps a command's body so that input errors become one clear message and exit code 1.</summary>
public static class CommandAction
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>, mapping input errors to <see cref="ExitCodes.UsageError"/>.</summary>
    public static void Set(Command command, LabConsole console, Func<ParseResult, int> body)
    {
        command.SetAction(parseResult =>
        {
            try
            {
                return body(parseResult);
            }
            catch (Exception exception) when (exception is UsageException or TraceFormatException)
            {
                console.ReportError(exception.Message);
                return ExitCodes.UsageError;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                console.ReportError(exception.Message.Split('\n')[0].Trim());
                return ExitCodes.UsageError;
            }
        });
    }
}
