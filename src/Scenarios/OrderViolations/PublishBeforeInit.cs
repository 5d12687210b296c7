using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.OrderViolations;

/// <summary>A one-shot mailbox: one thread publishes a value, others poll for it.</summary>
public interface IMailbox
{
    /// <summary>Publishes <paramref name="value"/>; called once.</summary>
    void Publish(int value);

    /// <summary>False until the value is published; then true with the published value.</summary>
    bool TryRead(out int value);
}

/// <summary>A publisher publishes 42 while a reader polls once: if the reader sees the mailbox ready, it must see 42.</summary>
public sealed class PublishBeforeInit : Scenario<IMailbox, PublishBeforeInit.Buggy, PublishBeforeInit.Fixed>
{
    /// <inheritdoc />
    public override string Id => "order-violations/publish-before-init";

    /// <inheritdoc />
    public override string Title => "Publish before init";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.OrderViolations;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Publish sets the ready flag first and writes the data second.\n" +
        "A reader in between sees ready = true and reads the data before it was written (0, not 42).";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Initialise first, publish last: write the data, then set ready with Volatile.Write (a release);\n" +
        "the reader's Volatile.Read of ready (an acquire) then guarantees it sees the data.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "a reader that finds the mailbox ready reads the published value 42";

    /// <inheritdoc />
    protected override void Run(IMailbox mailbox)
    {
        var publisher = new Thread(() => mailbox.Publish(42)) { Name = "publisher" };
        var reader = new Thread(() =>
        {
            if (mailbox.TryRead(out int value))
            {
                Specification.Assert(value == 42, $"the reader saw the mailbox ready with data {value}, expected 42: published before initialised");
            }
        }) { Name = "reader" };
        publisher.Start();
        reader.Start();
        publisher.Join();
        reader.Join();
    }

    /// <summary>Raises the flag, then fills in the data.</summary>
    public sealed class Buggy : IMailbox
    {
        private int _data;
        private bool _ready;

        /// <inheritdoc />
        public void Publish(int value)
        {
            Volatile.Write(ref _ready, true);
            _data = value;
        }

        /// <inheritdoc />
        public bool TryRead(out int value)
        {
            value = 0;
            if (!Volatile.Read(ref _ready)) return false;
            value = _data;
            return true;
        }
    }

    /// <summary>Fills in the data, then raises the flag.</summary>
    public sealed class Fixed : IMailbox
    {
        private int _data;
        private bool _ready;

        /// <inheritdoc />
        public void Publish(int value)
        {
            _data = value;
            Volatile.Write(ref _ready, true);
        }

        /// <inheritdoc />
        public bool TryRead(out int value)
        {
            value = 0;
            if (!Volatile.Read(ref _ready)) return false;
            value = _data;
            return true;
        }
    }
}
