namespace Lab.Systematic.Specifications;

/// <summary>A failed <see cref="Specification.Assert"/> outside an exploration (in a stress run or a plain test).</summary>
public sealed class AssertionFailureException(string message, string location) : Exception($"{message} (at {location})")
{
    /// <summary>Where the assertion is, as "File.cs:12".</summary>
    public string Location { get; } = location;
}
