namespace Lab.Systematic.Strategies.Dpor;

/// <summary>
/// What one operation did between the decision that scheduled it and the next decision: its pending visible step and
/// the local code after it. <see cref="Node"/> is the decision's place in the exploration tree (-1: main's first run,
/// which no decision chose).
/// </summary>
internal sealed class ExecutionEvent(int thread, int node)
{
    public int Thread { get; } = thread;

    public int Node { get; } = node;

    public List<Access> Accesses { get; } = [];

    /// <summary>Whether the operation blocked during the event.</summary>
    public bool Blocked { get; set; }

    /// <summary>Whether the operation's own code touched anything (not only what the event inherited when it began).</summary>
    public bool Acted { get; set; }

    /// <summary>
    /// An attempt that found its resource unavailable and blocked without changing anything. It stands for no step
    /// at all: the thread waits exactly as if it had not tried, and its real step comes when it is scheduled again.
    /// </summary>
    public bool IsStutter => Blocked && Accesses.Count == 0;
}
