using Lab.Systematic.Detection;

namespace Lab.Scenarios.Async;

/// <summary>A document editor: a Save button, and a Close that may come at any time.</summary>
public interface IEditor
{
    /// <summary>The Save button was clicked: saves the document, or tells the user it could not.</summary>
    Task SaveClickedAsync();

    /// <summary>Closes the document; a save that has not written yet fails.</summary>
    void Close();

    /// <summary>What the status bar says: "saved", "not saved: the document was closed", or "" before either.</summary>
    string Status { get; }
}

/// <summary>The user clicks Save and the document closes at the same time: either is fine, a crash is not.</summary>
public sealed class AsyncVoidLostException : AsyncScenario<IEditor, AsyncVoidLostException.Buggy, AsyncVoidLostException.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/async-void-lost-exception";

    /// <inheritdoc />
    public override string Title => "async void handler whose exception nobody can catch";

    /// <inheritdoc />
    public override string BugExplanation =>
        "The Save handler is async void: the click returns at its first await, and when a Close gets in before\n" +
        "the write, the handler's ObjectDisposedException has no caller to go to; it escapes and ends the process.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Make the handler async Task and await it where the click is handled: its failure then reaches a caller\n" +
        "that catches it and shows \"not saved\" instead of crashing.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.UnhandledException;

    /// <inheritdoc />
    public override string Oracle => "no exception escapes the Save handler, whichever of Save and Close comes first";

    /// <summary>
    /// Every Task.Run, await, resume and lock is a step of its own: DFS bounded to 3 preemptions already takes 40,000
    /// schedules, so DFS and DPOR are bounded to schedules with at most 2 preemptions (about 3,800 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 2;

    /// <inheritdoc />
    protected override async Task RunAsync(IEditor editor)
    {
        Task click = Task.Run(editor.SaveClickedAsync);
        Task close = Task.Run(editor.Close);
        await Task.WhenAll(click, close);
        // The oracle is the engine's: an exception that escapes an async void method (or a task nobody observes) is a bug.
    }

    /// <summary>The handler is async void: the click cannot wait for it, nor see its exception.</summary>
    public sealed class Buggy : IEditor
    {
        private readonly Document _document = new();

        /// <inheritdoc />
        public Task SaveClickedAsync()
        {
            OnSaveClicked(); // fire and forget: returns at the handler's first await
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public void Close() => _document.Close();

        /// <inheritdoc />
        public string Status => _document.Status;

        private async void OnSaveClicked()
        {
            await _document.WriteAsync(); // throws ObjectDisposedException if Close came first: escapes async void
            _document.Status = "saved";
        }
    }

    /// <summary>The handler is async Task, awaited by the click, which handles its failure.</summary>
    public sealed class Fixed : IEditor
    {
        private readonly Document _document = new();

        /// <inheritdoc />
        public async Task SaveClickedAsync()
        {
            try
            {
                await OnSaveClickedAsync();
            }
            catch (ObjectDisposedException)
            {
                _document.Status = "not saved: the document was closed";
            }
        }

        /// <inheritdoc />
        public void Close() => _document.Close();

        /// <inheritdoc />
        public string Status => _document.Status;

        private async Task OnSaveClickedAsync()
        {
            await _document.WriteAsync();
            _document.Status = "saved";
        }
    }

    /// <summary>The document both editors save: a write yields once (the disk), then fails if the document was closed.</summary>
    private sealed class Document
    {
        private readonly object _gate = new();
        private bool _closed;
        private string _status = "";

        public string Status
        {
            get
            {
                lock (_gate) return _status;
            }
            set
            {
                lock (_gate) _status = value;
            }
        }

        public void Close()
        {
            lock (_gate) _closed = true;
        }

        public async Task WriteAsync()
        {
            await Task.Yield(); // the disk
            lock (_gate)
            {
                if (_closed) throw new ObjectDisposedException("document", "the document was closed before the save wrote it");
            }
        }
    }
}
