using Lab.Workloads.Gil;

namespace Lab.Workloads.Io;

/// <summary>Overwrites one file many times: system calls into the page cache, I/O that mostly costs kernel CPU rather than waiting.</summary>
/// <param name="Path">The file to overwrite; each item should have its own.</param>
/// <param name="Writes">How many times the file is rewritten.</param>
/// <param name="Bytes">The size of each write.</param>
public sealed record FileOverwriteItem(string Path, int Writes, int Bytes) : WorkItem
{
    /// <inheritdoc />
    public override double Run(IInterpreterLock interpreterLock)
    {
        byte[] content = Content(Bytes);
        for (int write = 0; write < Writes; write++)
        {
            using (BlockingRegion.Enter(interpreterLock))
            {
                File.WriteAllBytes(Path, content);
            }
        }

        return (double)Writes * Bytes;
    }

    /// <inheritdoc />
    public override async ValueTask<double> RunAsync(CancellationToken cancellationToken)
    {
        byte[] content = Content(Bytes);
        for (int write = 0; write < Writes; write++)
        {
            await File.WriteAllBytesAsync(Path, content, cancellationToken).ConfigureAwait(false);
        }

        return (double)Writes * Bytes;
    }

    private static byte[] Content(int bytes) => Enumerable.Range(0, bytes).Select(k => (byte)k).ToArray();
}
