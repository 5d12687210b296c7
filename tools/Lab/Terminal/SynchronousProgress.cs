namespace Lab.Cli.Terminal;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, unlike <see cref="Progress{T}"/>
/// which posts to the thread pool and may deliver reports after the work has finished.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => handler(value);
}
