namespace Lab.Systematic.NUnit;

/// <summary>NUnit's <c>Is</c> plus <see cref="BugFree"/>, so a test reads <c>Assert.That(report, Is.BugFree())</c>.</summary>
public abstract class Is : global::NUnit.Framework.Is
{
    /// <summary>A report that found nothing.</summary>
    public static BugFreeConstraint BugFree() => new();
}
