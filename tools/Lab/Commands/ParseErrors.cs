using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Lab.Cli.Terminal;

namespace Lab.Cli.Commands;

/// <summary>
/// Reports command-line errors as one line each, naming the option and the form it expects, without .NET type names
/// or pages of help (which <c>--help</c> still prints on request); exit code 1.
/// </summary>
public static partial class ParseErrors
{
    /// <summary>Writes each error of <paramref name="parse"/> and a pointer to the help; returns <see cref="ExitCodes.UsageError"/>.</summary>
    public static int Report(ParseResult parse, LabConsole console)
    {
        foreach (ParseError error in parse.Errors) console.ReportError(Readable(error.Message));
        string command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
        console.Error.WriteLine($"run 'lab {command}--help' for the options");
        return ExitCodes.UsageError;
    }

    /// <summary>A System.CommandLine message rewritten for people: "--iterations takes a whole number; 'many' is not one".</summary>
    public static string Readable(string message)
    {
        Match cannot = CannotParse().Match(message);
        if (cannot.Success)
        {
            string expected = ExpectedForm(cannot.Groups["type"].Value);
            return $"{cannot.Groups["option"].Value} takes {expected}; '{cannot.Groups["value"].Value}' is not one";
        }
        return TypeName().Replace(message, "a value");
    }

    private static string ExpectedForm(string type) => type switch
    {
        _ when type.Contains("System.Int32", StringComparison.Ordinal) || type.Contains("System.Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("System.UInt64", StringComparison.Ordinal) || type.Contains("System.UInt32", StringComparison.Ordinal) => "a whole number from 0",
        _ when type.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value of another form",
    };

    [GeneratedRegex(@"Cannot parse argument '(?<value>[^']*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"'System\.[A-Za-z0-9_.`\[\], ]*'")]
    private static partial Regex TypeName();
}
