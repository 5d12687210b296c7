namespace Lab.Systematic.Runtime;

/// <summary>Thrown when explored code touches a controlled primitive from a thread the engine does not control.</summary>
public sealed class UncontrolledConcurrencyException(string primitive) : InvalidOperationException(
    $"'{primitive}' was used from a thread the exploration does not control (a real Thread, Task.Run, a thread-pool " +
    "callback or a timer created inside the explored code). Start threads with ControlledThread so the scheduler can " +
    "control them.");
