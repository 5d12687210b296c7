namespace Lab.Workloads.Faults;

/// <summary>The deliberate bug a <see cref="FaultItem"/> throws, recognisable in crash output.</summary>
public sealed class InjectedFaultException : Exception
{
    /// <summary>Creates the exception with a description of the injected fault.</summary>
    public InjectedFaultException(string message)
        : base(message)
    {
    }
}
