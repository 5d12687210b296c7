namespace Lab.Systematic.Runtime;

/// <summary>Where a controlled operation stands in its life.</summary>
internal enum OperationStatus
{
    /// <summary>Created and enabled, but never scheduled yet.</summary>
    NotStarted,

    /// <summary>Can perform its next step when scheduled.</summary>
    Enabled,

    /// <summary>Waits on a resource; enabled again only when its wait condition holds (or, for a timed wait, to time out).</summary>
    Blocked,

    /// <summary>Its body returned or threw.</summary>
    Completed,
}
