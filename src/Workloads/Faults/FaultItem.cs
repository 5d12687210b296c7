using Lab.Workloads.Gil;

namespace Lab.Workloads.Faults;

/// <summary>A work item with a bug: running it throws, wherever it runs. Where it runs decides what else dies with it.</summary>
/// <param name="Message">The text of the exception, to find it in crash output.</param>
public sealed record FaultItem(string Message) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock) => throw new InjectedFaultException(Message);
}
