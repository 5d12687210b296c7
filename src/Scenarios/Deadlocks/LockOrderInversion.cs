using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Deadlocks;

/// <summary>Accounts 0 and 1, opened with 100 each, each guarded by its own lock.</summary>
public interface IAccounts
{
    /// <summary>Moves <paramref name="amount"/> between the accounts, atomically.</summary>
    void Transfer(int from, int to, int amount);

    /// <summary>The balance of one account.</summary>
    int Balance(int account);
}

/// <summary>Two transfers run in opposite directions at the same time; both must complete.</summary>
public sealed class LockOrderInversion : Scenario<IAccounts, LockOrderInversion.Buggy, LockOrderInversion.Fixed>
{
    /// <inheritdoc />
    public override string Id => "deadlocks/lock-order-inversion";

    /// <inheritdoc />
    public override string Title => "Lock-order inversion in account transfers";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Deadlocks;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Transfer locks the source account, then the destination. Transfers 0→1 and 1→0 at the same time take\n" +
        "account0 and account1 respectively, and each then waits for the lock the other holds: deadlock.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Impose one global lock order: always lock the account with the lower number first, whatever the\n" +
        "direction of the transfer. A wait-for cycle needs two threads taking locks in opposite orders.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.Deadlock;

    /// <inheritdoc />
    public override string Oracle => "both transfers finish and the balances are 100 - 30 + 20 = 90 and 110";

    /// <summary>
    /// Every balance update (<c>a[i] -= amount</c>) is a read and a write step: unbounded DFS passes 170,000 schedules, so
    /// DFS and DPOR are bounded to schedules with at most 3 preemptions (about 2,000 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IAccounts accounts)
    {
        var forward = new Thread(() => accounts.Transfer(0, 1, 30)) { Name = "transfer-0-to-1" };
        var backward = new Thread(() => accounts.Transfer(1, 0, 20)) { Name = "transfer-1-to-0" };
        forward.Start();
        backward.Start();
        forward.Join();
        backward.Join();
        int first = accounts.Balance(0), second = accounts.Balance(1);
        Specification.Assert(first == 90 && second == 110, $"balances are {first} and {second}, expected 90 and 110");
    }

    /// <summary>Locks in the direction of the transfer.</summary>
    public sealed class Buggy : IAccounts
    {
        private readonly object _account0 = new();
        private readonly object _account1 = new();
        private readonly int[] _balances = [100, 100];

        /// <inheritdoc />
        public void Transfer(int from, int to, int amount)
        {
            if (from == 0)
            {
                lock (_account0) lock (_account1) Move(from, to, amount); // source first
            }
            else
            {
                lock (_account1) lock (_account0) Move(from, to, amount); // source first: the opposite order
            }
        }

        /// <inheritdoc />
        public int Balance(int account)
        {
            lock (account == 0 ? _account0 : _account1) return _balances[account];
        }

        private void Move(int from, int to, int amount)
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    /// <summary>Locks the lower-numbered account first.</summary>
    public sealed class Fixed : IAccounts
    {
        private readonly object _account0 = new();
        private readonly object _account1 = new();
        private readonly int[] _balances = [100, 100];

        /// <inheritdoc />
        public void Transfer(int from, int to, int amount)
        {
            lock (_account0) lock (_account1) // account order, whatever the direction
            {
                _balances[from] -= amount;
                _balances[to] += amount;
            }
        }

        /// <inheritdoc />
        public int Balance(int account)
        {
            lock (account == 0 ? _account0 : _account1) return _balances[account];
        }
    }
}
