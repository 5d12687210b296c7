using System.IO.Pipes;
using System.Text;

namespace Lab.Cli.Grading;

/// <summary>
/// The grader's end of the channel a worker reports on: an anonymous pipe whose write end only the worker inherits and
/// opens (by a handle number passed on its command line) before any student code is loaded. The verdict never travels
/// on stdout or stderr, which student code can write; and student code cannot reach this handle, since the IL rules
/// refuse files, handles, P/Invoke and reflection.
/// </summary>
public sealed class ResultPipe : IDisposable
{
    /// <summary>The most characters read from one worker's channel; a well-formed result is far smaller.</summary>
    public const int Capacity = 4 * 1024 * 1024;

    /// <summary>
    /// Held while a pipe is created and its worker started: a child inherits every inheritable handle open at that
    /// moment, so starts are serialised to keep one worker's write end out of another worker.
    /// </summary>
    public static readonly object StartGate = new();

    private readonly AnonymousPipeServerStream _server = new(PipeDirection.In, HandleInheritability.Inheritable);
    private OutputCapture? _capture;

    /// <summary>The write end, as the worker's <c>--result-pipe</c> argument.</summary>
    public string ClientHandle => _server.GetClientHandleAsString();

    /// <summary>Closes the grader's copy of the write end once the worker has started (call inside <see cref="StartGate"/>), and starts reading.</summary>
    public void WorkerStarted()
    {
        _server.DisposeLocalCopyOfClientHandle();
        _capture = new OutputCapture(new StreamReader(_server, new UTF8Encoding(false)), Capacity);
    }

    /// <summary>The lines the worker sent, waiting up to <paramref name="patience"/> for the channel to close.</summary>
    public IReadOnlyList<string> Messages(TimeSpan patience) =>
        _capture is null ? [] : _capture.Text(patience).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();
}
