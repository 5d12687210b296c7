namespace Lab.Systematic.Traces;

/// <summary>What a recorded decision resolved.</summary>
public enum DecisionKind
{
    /// <summary>Which operation performs the next step; the value is the operation id.</summary>
    Operation,

    /// <summary>A controlled boolean choice; the value is 0 or 1.</summary>
    Boolean,

    /// <summary>A controlled integer choice; the value is the integer.</summary>
    Integer,
}

/// <summary>One resolved choice of an iteration; the list of them is the schedule.</summary>
public readonly record struct Decision(DecisionKind Kind, int Value);
