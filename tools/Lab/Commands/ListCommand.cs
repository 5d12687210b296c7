using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lab.Cli.Terminal;
using Lab.Scenarios;
using Spectre.Console;

namespace Lab.Cli.Commands;

/// <summary><c>lab list [--json]</c>: the catalogue, so users can pick a scenario id to explore.</summary>
public static class ListCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalogue as JSON instead of a table." };
        var command = new Command("list", "List every scenario: id, family, title and the bug kind exploration reports.") { json };
        CommandAction.Set(command, console, parse =>
        {
            if (parse.GetValue(json)) console.OutWriter.WriteLine(ToJson(ScenarioCatalog.All));
            else console.Out.Write(ToTable(ScenarioCatalog.All));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The catalogue as a JSON array of {id, family, title, expectedBug, systematic}.</summary>
    public static string ToJson(IEnumerable<IScenario> scenarios) => JsonSerializer.Serialize(
        scenarios.Select(s => new
        {
            id = s.Id,
            family = ScenarioCatalog.IdPrefix(s.Family),
            title = s.Title,
            expectedBug = s.ExpectedBug.ToString(),
            systematic = s.IsSystematic,
        }),
        JsonOptions);

    /// <summary>The catalogue as a table, one row per scenario.</summary>
    public static Table ToTable(IReadOnlyList<IScenario> scenarios)
    {
        var table = new Table().AddColumns("#", "Id", "Family", "Title", "Expected bug");
        for (int i = 0; i < scenarios.Count; i++)
        {
            IScenario s = scenarios[i];
            string expected = s.IsSystematic ? s.ExpectedBug.ToString() : $"{s.ExpectedBug} (stress only)";
            table.AddRow(Cells((i + 1).ToString(), s.Id, ScenarioCatalog.IdPrefix(s.Family), s.Title, expected));
        }
        return table;
    }

    private static Markup[] Cells(params string[] texts) => texts.Select(text => new Markup(Markup.Escape(text))).ToArray();
}
