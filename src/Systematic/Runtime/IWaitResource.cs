namespace Lab.Systematic.Runtime;

/// <summary>Something an operation can block on; it names itself and its holders so a deadlock can be told in words.</summary>
internal interface IWaitResource
{
    /// <summary>The name shown in traces and reports, e.g. "fork0".</summary>
    string Name { get; }

    /// <summary>The operations that hold this resource now (lock owners, readers); empty for signals.</summary>
    IEnumerable<ControlledOperation> Holders { get; }

    /// <summary>A short description of the resource's state, for a deadlock report (e.g. "count 0").</summary>
    string DescribeState();
}
