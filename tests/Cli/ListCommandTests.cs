using System.Text.Json;
using Lab.Cli.Tests.Support;
using Lab.Scenarios;

namespace Lab.Cli.Tests;

public sealed class ListCommandTests
{
    [Test]
    public void List_PrintsEveryScenarioWithFamilyTitleAndExpectedBug()
    {
        CliResult result = LabCli.Run("list");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        foreach (IScenario scenario in ScenarioCatalog.All)
        {
            string row = result.Output.Split('\n').Single(line => line.Contains($" {scenario.Id} ", StringComparison.Ordinal));
            Assert.That(row, Does.Contain(ScenarioCatalog.IdPrefix(scenario.Family)).And.Contain(scenario.Title).And.Contain(scenario.ExpectedBug.ToString()));
        }
    }

    [Test]
    public void List_Json_ParsesToOneObjectPerScenario()
    {
        CliResult result = LabCli.Run("list", "--json");

        using JsonDocument json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(ids, Is.EqualTo(ScenarioCatalog.All.Select(s => s.Id)));
            Assert.That(json.RootElement.EnumerateArray().Select(e => e.GetProperty("expectedBug").GetString()),
                Is.EqualTo(ScenarioCatalog.All.Select(s => s.ExpectedBug.ToString())));
            Assert.That(json.RootElement.EnumerateArray().Count(e => !e.GetProperty("systematic").GetBoolean()),
                Is.EqualTo(ScenarioCatalog.All.Count(s => !s.IsSystematic)));
        });
    }
}
