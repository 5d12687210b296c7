namespace Lab.Systematic.Traces;

/// <summary>
/// What a timeline page says beyond its trace, when the caller knows it: why the code fails and how the fix avoids
/// it (from the scenario), and a link back to the report the page belongs to (the tour's index).
/// </summary>
/// <param name="Hazard">Why the code fails, in a few lines; null to leave it out.</param>
/// <param name="Fix">How the fix avoids it; null to leave it out.</param>
/// <param name="BackLink">A relative link back (e.g. "index.html"); null for a page on its own.</param>
/// <param name="BackText">The back link's text.</param>
public sealed record TimelinePageNotes(string? Hazard = null, string? Fix = null, string? BackLink = null, string BackText = "all scenarios");
