namespace Lab.Workloads.Io;

/// <summary>Many items each overwriting its own file in a private temporary directory that lives as long as the session.</summary>
/// <param name="Items">How many files are written.</param>
/// <param name="WritesPerItem">How many times each file is overwritten.</param>
/// <param name="Bytes">The size of each write.</param>
public sealed record FileOverwriteWorkload(int Items, int WritesPerItem, int Bytes)
    : Workload("io-file", WorkloadKind.IoBound, "I/O-bound: overwriting a file many times")
{
    /// <inheritdoc />
    public override WorkloadSession Open()
    {
        var directory = TemporaryDirectory.Create("lab-io-file");
        WorkItem[] items = Enumerable.Range(0, Items)
            .Select(k => (WorkItem)new FileOverwriteItem(Path.Combine(directory.Path, $"item-{k}.bin"), WritesPerItem, Bytes))
            .ToArray();
        return new WorkloadSession(_ => items, directory);
    }
}
