using Lab.Systematic.Runtime;

namespace Lab.Systematic.Detection;

/// <summary>Tells a deadlock in words: who holds what and waits for what, the wait-for cycle first.</summary>
internal static class DeadlockReport
{
    public static BugReport Describe(IReadOnlyList<ControlledOperation> operations, IReadOnlyList<IWaitResource> resources)
    {
        var blocked = operations.Where(o => o.Status == OperationStatus.Blocked).ToList();
        List<ControlledOperation> cycle = FindCycle(blocked);
        IEnumerable<ControlledOperation> order = cycle.Concat(blocked.Except(cycle));
        string clauses = string.Join("; ", order.Select(o => Clause(o, resources)));
        string head = cycle.Count > 0
            ? $"{string.Join(" → ", cycle.Select(o => o.Name).Append(cycle[0].Name))} wait for each other. "
            : "every unfinished thread is blocked and none can wake another. ";
        return new BugReport(BugKind.Deadlock, head + clauses + ".");
    }

    private static string Clause(ControlledOperation operation, IReadOnlyList<IWaitResource> resources)
    {
        var held = resources.Where(r => r.Holders.Contains(operation)).Select(r => r.Name).ToList();
        IWaitResource waited = operation.WaitingOn!;
        string holds = held.Count == 0 ? $"{operation.Name} holds nothing" : $"{operation.Name} holds {string.Join(" and ", held)}";
        string state = waited.DescribeState();
        return $"{holds} and waits for {waited.Name}" + (state.Length > 0 ? $" ({state})" : "");
    }

    /// <summary>Follows wait-for edges (operation → holders of what it waits on) until an operation repeats.</summary>
    private static List<ControlledOperation> FindCycle(List<ControlledOperation> blocked)
    {
        foreach (ControlledOperation start in blocked)
        {
            var path = new List<ControlledOperation>();
            ControlledOperation? current = start;
            while (current is not null && !path.Contains(current))
            {
                path.Add(current);
                current = current.WaitingOn?.Holders.FirstOrDefault(h => h != current && h.Status == OperationStatus.Blocked);
            }
            if (current is not null) return path.SkipWhile(o => o != current).ToList();
        }
        return [];
    }
}
