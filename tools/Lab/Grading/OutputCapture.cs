using System.Text;

namespace Lab.Cli.Grading;

/// <summary>
/// Reads a child's output stream in the background, keeping at most a fixed number of characters (the last ones), so a
/// submission that prints without end cannot exhaust the grader's memory, and a grandchild that keeps the stream open
/// cannot stall the grader: <see cref="Text"/> returns what arrived once the child is gone, without waiting for the end.
/// </summary>
public sealed class OutputCapture
{
    private readonly StringBuilder _text = new();
    private readonly int _capacity;
    private readonly Task _reading;

    /// <summary>Starts reading <paramref name="reader"/>, keeping the last <paramref name="capacity"/> characters.</summary>
    public OutputCapture(TextReader reader, int capacity)
    {
        _capacity = capacity;
        _reading = Task.Run(() => ReadAll(reader));
    }

    /// <summary>Waits up to <paramref name="patience"/> for the stream to end, then returns what was read so far.</summary>
    public string Text(TimeSpan patience)
    {
        _reading.Wait(patience);
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private async Task ReadAll(TextReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
            {
                lock (_text)
                {
                    _text.Append(buffer, 0, read);
                    if (_text.Length > _capacity) _text.Remove(0, _text.Length - _capacity);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The stream was closed under us (the process handle was disposed): what was read is all there is.
        }
    }
}
