namespace Lab.Systematic.Runtime;

/// <summary>A decision (by index) that switched away from <paramref name="Preempted"/>, which could have gone on.</summary>
internal readonly record struct PreemptionPoint(int Decision, int Preempted);
