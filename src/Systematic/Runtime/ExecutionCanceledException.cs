namespace Lab.Systematic.Runtime;

/// <summary>
/// Unwinds a controlled operation once its iteration has ended (a bug was found or the step bound was hit).
/// Explored code must not swallow it: a <c>catch (Exception)</c> that loops on would keep the iteration alive.
/// </summary>
public sealed class ExecutionCanceledException() : Exception("the iteration has ended; this controlled operation is being unwound");
