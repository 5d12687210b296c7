using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Races;

/// <summary>A bank with accounts 0 and 1, both opened empty.</summary>
public interface IBank
{
    /// <summary>Adds <paramref name="amount"/> to an account.</summary>
    void Deposit(int account, int amount);

    /// <summary>Moves <paramref name="amount"/> from one account to the other; money is never created or lost.</summary>
    void Transfer(int from, int to, int amount);

    /// <summary>The sum of all balances, as of one moment.</summary>
    int TotalBalance();
}

/// <summary>One thread transfers 10 while an auditor sums the balances: the total must always be 100.</summary>
public sealed class BankTransferAudit : Scenario<IBank, BankTransferAudit.Buggy, BankTransferAudit.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/bank-transfer-audit";

    /// <inheritdoc />
    public override string Title => "Bank transfer locked per step, not across the invariant";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Transfer withdraws under one account's lock, releases it, then deposits under the other's.\n" +
        "Every step is locked, yet an audit between the two sees the money in neither account: the total is off.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Hold the locks across the whole invariant: Transfer takes both accounts' locks (in account order) and\n" +
        "the audit takes them all (same order), so it never sees a transfer half done.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "every audit, and the final state, shows a total balance of 100";

    /// <summary>
    /// Every balance update (<c>a[i] -= amount</c>) is a read and a write step: unbounded DFS passes 170,000 schedules, so
    /// DFS and DPOR are bounded to schedules with at most 3 preemptions (about 1,700 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(IBank bank)
    {
        bank.Deposit(0, 50);
        bank.Deposit(1, 50);
        var transfer = new Thread(() => bank.Transfer(0, 1, 10)) { Name = "transfer" };
        var auditor = new Thread(() =>
        {
            int total = bank.TotalBalance();
            Specification.Assert(total == 100, $"the auditor saw a balance total of {total}, expected 100");
        }) { Name = "auditor" };
        transfer.Start();
        auditor.Start();
        transfer.Join();
        auditor.Join();
        int final = bank.TotalBalance();
        Specification.Assert(final == 100, $"balance total is {final} after the transfer, expected 100");
    }

    /// <summary>Each account has its own lock; a transfer is two separately locked steps.</summary>
    public sealed class Buggy : IBank
    {
        private readonly object _account0 = new();
        private readonly object _account1 = new();
        private readonly int[] _balances = new int[2];

        /// <inheritdoc />
        public void Deposit(int account, int amount)
        {
            if (account == 0)
            {
                lock (_account0) _balances[0] += amount;
            }
            else
            {
                lock (_account1) _balances[1] += amount;
            }
        }

        /// <inheritdoc />
        public void Transfer(int from, int to, int amount)
        {
            Deposit(from, -amount);
            Deposit(to, amount);
        }

        /// <inheritdoc />
        public int TotalBalance()
        {
            int total = 0;
            lock (_account0) total += _balances[0];
            lock (_account1) total += _balances[1];
            return total;
        }
    }

    /// <summary>Transfers and audits hold every lock they need for their whole duration, taken in account order.</summary>
    public sealed class Fixed : IBank
    {
        private readonly object _account0 = new();
        private readonly object _account1 = new();
        private readonly int[] _balances = new int[2];

        /// <inheritdoc />
        public void Deposit(int account, int amount)
        {
            if (account == 0)
            {
                lock (_account0) _balances[0] += amount;
            }
            else
            {
                lock (_account1) _balances[1] += amount;
            }
        }

        /// <inheritdoc />
        public void Transfer(int from, int to, int amount)
        {
            lock (_account0) lock (_account1)
            {
                _balances[from] -= amount;
                _balances[to] += amount;
            }
        }

        /// <inheritdoc />
        public int TotalBalance()
        {
            lock (_account0) lock (_account1) return _balances[0] + _balances[1];
        }
    }
}
