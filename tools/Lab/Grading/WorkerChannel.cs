using System.IO.Pipes;
using System.Text;
using Lab.Cli.Coyote;

namespace Lab.Cli.Grading;

/// <summary>
/// The worker's end of the <see cref="ResultPipe"/>: opened from the handle the grader passed, before the submission
/// is compiled or loaded, and written only by the grading code. Each message is one line: <c>phase &lt;name&gt;</c>
/// as grading moves on (so the grader knows a crash happened while compiling), then <c>result &lt;json&gt;</c>.
/// </summary>
public sealed class WorkerChannel : IDisposable
{
    /// <summary>The prefix of a phase message.</summary>
    public const string PhasePrefix = "phase ";

    /// <summary>The prefix of the result message.</summary>
    public const string ResultPrefix = "result ";

    /// <summary>The phase while the submission is compiled and checked (no student code runs yet).</summary>
    public const string Compiling = "compiling";

    /// <summary>The phase once student code may run.</summary>
    public const string Running = "running";

    private readonly TextWriter _writer;
    private readonly Stream? _pipe;

    private WorkerChannel(TextWriter writer, Stream? pipe)
    {
        _writer = writer;
        _pipe = pipe;
    }

    /// <summary>Opens the pipe the grader passed, or writes to <paramref name="fallback"/> (a person running grade-one by hand) when there is none.</summary>
    public static WorkerChannel Open(string? clientHandle, TextWriter fallback)
    {
        if (clientHandle is null) return new WorkerChannel(fallback, null);
        var pipe = new AnonymousPipeClientStream(PipeDirection.Out, clientHandle);
        return new WorkerChannel(new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true }, pipe);
    }

    /// <summary>Tells the grader which phase grading is in.</summary>
    public void Phase(string phase) => Send(PhasePrefix + phase);

    /// <summary>Sends the result.</summary>
    public void Result(ExerciseResult result) => Send(ResultPrefix + ResultJson.Serialize(result));

    /// <summary>Sends Coyote's second opinion, the result of a <c>grade-one --engine coyote</c> worker.</summary>
    public void Result(CoyoteOpinion opinion) => Send(ResultPrefix + opinion.Serialize());

    private void Send(string line)
    {
        _writer.Write(line + "\n");
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_pipe is null) return;
        _writer.Dispose();
        _pipe.Dispose();
    }
}
