using Lab.Cli.Commands;
using Lab.Scenarios;

namespace Lab.Cli.Scenarios;

/// <summary>
/// Finds a scenario by its id, or by the name after the family ("lost-update") when that is unique; anything else is
/// a <see cref="UsageException"/> that suggests the closest id and lists them all.
/// </summary>
public static class ScenarioLookup
{
    /// <summary>The scenario <paramref name="idOrName"/> names in <paramref name="catalog"/> (default: the whole catalogue).</summary>
    public static IScenario Resolve(string idOrName, IReadOnlyList<IScenario>? catalog = null)
    {
        catalog ??= ScenarioCatalog.All;
        string wanted = idOrName.Trim();
        IScenario? exact = catalog.FirstOrDefault(s => string.Equals(s.Id, wanted, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var byName = catalog.Where(s => string.Equals(NameOf(s.Id), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count == 1) return byName[0];
        throw new UsageException(UnknownMessage(wanted, catalog));
    }

    /// <summary>The id closest to <paramref name="wanted"/> by edit distance, comparing whole ids and names alike.</summary>
    public static string Closest(string wanted, IReadOnlyList<IScenario> catalog) =>
        catalog.MinBy(s => Math.Min(
            EditDistance.Between(wanted.ToLowerInvariant(), s.Id),
            EditDistance.Between(wanted.ToLowerInvariant(), NameOf(s.Id))))!.Id;

    private static string UnknownMessage(string wanted, IReadOnlyList<IScenario> catalog) =>
        $"unknown scenario '{wanted}'. Did you mean '{Closest(wanted, catalog)}'?{Environment.NewLine}" +
        $"Known scenarios:{Environment.NewLine}" + string.Join(Environment.NewLine, catalog.Select(s => "  " + s.Id));

    private static string NameOf(string id) => id[(id.IndexOf('/') + 1)..];
}
