using System.Globalization;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Domain.Tests;

public class BalancesTests
{
    private static readonly AccountId Alice = AccountId.ForPerson(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private static readonly AccountId Bob = AccountId.ForPerson(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    private static readonly AccountId Festival = AccountId.ForProject(Domain.Projects.ProjectNumber.Stored(7));
    private static readonly AccountId Listing = AccountId.ForEscrow("listing-7");

    private static readonly AccountId[] Internal = [AccountId.Treasury, AccountId.HolderPool, AccountId.Dust, Alice, Bob, Festival, Listing];
    private static readonly Asset[] Assets = [Asset.Jpy, Asset.Usdc, Asset.Eth];
    private static readonly Int128 TenTo27 = Int128.Parse("1" + new string('0', 27), CultureInfo.InvariantCulture);

    [Fact]
    public void Apply_ADeposit_TakesTheOutsideWorldBelowZero()
    {
        var deposit = JournalEntry.Move("deposit", null, AccountId.External, AccountId.Treasury, Money.Of(Asset.Jpy, 1500)).Value;

        var after = Balances.Apply(deposit, (_, _) => Int128.Zero).Value;

        Assert.Equal([(AccountId.External, Money.Of(Asset.Jpy, -1500)), (AccountId.Treasury, Money.Of(Asset.Jpy, 1500))], after);
    }

    [Fact]
    public void Apply_ATransferOfTheWholeBalance_LeavesZero()
    {
        var transfer = JournalEntry.Move("transfer", null, Alice, Bob, Money.Of(Asset.Eth, TenTo27)).Value;

        var after = Balances.Apply(transfer, (account, _) => account == Alice ? TenTo27 : 7).Value;

        Assert.Equal([(Alice, Money.Zero(Asset.Eth)), (Bob, Money.Of(Asset.Eth, TenTo27 + 7))], after);
    }

    [Fact]
    public void Apply_ATransferOfOneUnitMoreThanTheBalance_IsRefused()
    {
        var transfer = JournalEntry.Move("transfer", null, Alice, Bob, Money.Of(Asset.Jpy, 1001)).Value;

        var after = Balances.Apply(transfer, (account, _) => account == Alice ? 1000 : 0);

        Assert.Equal("insufficient_funds", after.Error?.Code);
    }

    [Fact]
    public void Apply_LooksUpEachPostingInItsOwnAsset()
    {
        // Alice holds yen but no ether: paying ether must be refused even though her yen would cover the number.
        var swap = JournalEntry.Create(
            "swap",
            null,
            [
                new Posting(Alice, Money.Of(Asset.Jpy, -10)),
                new Posting(Bob, Money.Of(Asset.Jpy, 10)),
                new Posting(Alice, Money.Of(Asset.Eth, -10)),
                new Posting(Bob, Money.Of(Asset.Eth, 10)),
            ]).Value;

        var after = Balances.Apply(swap, (account, asset) => account == Alice && asset == Asset.Jpy ? 100 : 0);

        Assert.Equal("insufficient_funds", after.Error?.Code);
    }

    /// <summary>One step a community could take; amounts are resolved against the balances when it runs.</summary>
    private abstract record Step;

    /// <summary>Money arriving from outside.</summary>
    private sealed record Deposit(int To, int Asset, Int128 Units) : Step;

    /// <summary>Money leaving to the outside world.</summary>
    private sealed record Withdrawal(int From, int Asset, Spend Spend) : Step;

    /// <summary>Money moving between two accounts inside the community.</summary>
    private sealed record Transfer(int From, int To, int Asset, Spend Spend) : Step;

    /// <summary>One account pays two others in one entry.</summary>
    private sealed record Split(int From, int To, int AlsoTo, int Asset, Spend Spend) : Step;

    /// <summary>Two accounts exchange two assets in one entry: both legs happen or neither.</summary>
    private sealed record Swap(int First, int Second, int FirstAsset, int SecondAsset, Spend FirstGives, Spend SecondGives) : Step;

    /// <summary>How much to spend: the whole balance, one unit more, or a share (in per mille, may exceed 1000) of it plus a few units.</summary>
    private sealed record Spend(int Kind, int PerMille, int Extra)
    {
        public Int128 Of(Int128 balance) => Kind switch
        {
            0 => Int128.Max(balance, 1),
            1 => balance + 1,
            _ => Int128.Max((balance * PerMille / 1000) + Extra, 1),
        };
    }

    private static readonly Gen<int> AnAccount = Gen.Int[0, Internal.Length - 1];
    private static readonly Gen<int> AnAsset = Gen.Int[0, Assets.Length - 1];
    private static readonly Gen<Spend> ASpend = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1500], Gen.Int[0, 3], (kind, perMille, extra) => new Spend(kind, perMille, extra));

    private static readonly Gen<Step> AStep = Gen.Frequency(
        (3, Gen.Select(AnAccount, AnAsset, Gen.OneOf(Gen.Int128[1, 1_000_000], Gen.Int128[1, TenTo27]), (to, asset, units) => (Step)new Deposit(to, asset, units))),
        (1, Gen.Select(AnAccount, AnAsset, ASpend, (from, asset, spend) => (Step)new Withdrawal(from, asset, spend))),
        (4, Gen.Select(AnAccount, AnAccount, AnAsset, ASpend, (from, to, asset, spend) => (Step)new Transfer(from, to, asset, spend))),
        (1, Gen.Select(AnAccount, AnAccount, AnAccount, AnAsset, ASpend, (from, to, alsoTo, asset, spend) => (Step)new Split(from, to, alsoTo, asset, spend))),
        (1, Gen.Select(AnAccount, AnAccount, AnAsset, AnAsset, ASpend, ASpend, (first, second, firstAsset, secondAsset, firstGives, secondGives) => (Step)new Swap(first, second, firstAsset, secondAsset, firstGives, secondGives))));

    [Fact]
    public void Apply_OverRandomSequences_ConservesMoneyKeepsAccountsNonNegativeAndMatchesTheJournal()
    {
        var accepted = 0;
        var refused = 0;

        AStep.Array[1, 60].Sample(steps =>
        {
            var ledger = new Dictionary<(AccountId, Asset), Int128>();
            var journal = new List<JournalEntry>();
            foreach (var step in steps)
            {
                var entry = ToEntry(step, ledger);
                if (entry is null)
                {
                    continue; // the step named one account twice: not an entry at all
                }

                var firstShort = entry.Postings.FirstOrDefault(p => !p.Account.MayGoNegative
                    && ledger.GetValueOrDefault((p.Account, p.Amount.Asset)) + p.Amount.Units < 0);
                var shouldRefuse = firstShort is not null;

                var result = Balances.Apply(entry, (account, asset) => ledger.GetValueOrDefault((account, asset)));

                if (result.IsSuccess)
                {
                    Assert.False(shouldRefuse, $"accepted an entry that overdraws: {Describe(entry)}");
                    Assert.Equal(entry.Postings.Count, result.Value.Count);
                    foreach (var (account, balance) in result.Value)
                    {
                        ledger[(account, balance.Asset)] = balance.Units;
                    }

                    journal.Add(entry);
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Assert.True(shouldRefuse, $"refused an entry that fits: {Describe(entry)}");
                    Assert.Equal("insufficient_funds", result.Error.Code);
                    Assert.Equal(firstShort!.Account, result.Error.Arguments[0]);
                    Interlocked.Increment(ref refused);
                }

                // Apply is pure, so a refusal can only leave the ledger as it was: the checks below
                // prove that by comparing with the journal of accepted entries after every step.

                foreach (var asset in Assets)
                {
                    var total = ledger.Where(b => b.Key.Item2 == asset).Aggregate(Int128.Zero, (sum, b) => sum + b.Value);
                    Assert.True(total == Int128.Zero, $"{asset} sums to {total}, not zero");
                }

                Assert.DoesNotContain(ledger, b => !b.Key.Item1.MayGoNegative && b.Value < 0);
                Assert.Equal(NonZero(Recompute(journal)), NonZero(ledger));
            }
        }, iter: 400);

        // Guards against a generator that never exercises one of the two paths.
        Assert.True(accepted > 1000, $"only {accepted} entries accepted");
        Assert.True(refused > 100, $"only {refused} entries refused");
    }

    private static JournalEntry? ToEntry(Step step, Dictionary<(AccountId, Asset), Int128> ledger)
    {
        Int128 Held(int account, int asset) => ledger.GetValueOrDefault((Internal[account], Assets[asset]));
        Money Amount(int asset, Int128 units) => Money.Of(Assets[asset], units);

        var entry = step switch
        {
            Deposit d => JournalEntry.Move("deposit", null, AccountId.External, Internal[d.To], Amount(d.Asset, d.Units)),
            Withdrawal w => JournalEntry.Move("withdrawal", null, Internal[w.From], AccountId.External, Amount(w.Asset, w.Spend.Of(Held(w.From, w.Asset)))),
            Transfer t => JournalEntry.Move("transfer", null, Internal[t.From], Internal[t.To], Amount(t.Asset, t.Spend.Of(Held(t.From, t.Asset)))),
            Split s => SplitEntry(s, Int128.Max(s.Spend.Of(Held(s.From, s.Asset)), 2)), // two non-zero halves
            Swap w => JournalEntry.Create(
                "swap",
                null,
                [
                    new Posting(Internal[w.First], Amount(w.FirstAsset, -w.FirstGives.Of(Held(w.First, w.FirstAsset)))),
                    new Posting(Internal[w.Second], Amount(w.FirstAsset, w.FirstGives.Of(Held(w.First, w.FirstAsset)))),
                    new Posting(Internal[w.Second], Amount(w.SecondAsset, -w.SecondGives.Of(Held(w.Second, w.SecondAsset)))),
                    new Posting(Internal[w.First], Amount(w.SecondAsset, w.SecondGives.Of(Held(w.Second, w.SecondAsset)))),
                ]),
            _ => throw new InvalidOperationException($"unknown step {step}"),
        };

        if (!entry.IsSuccess)
        {
            // Only steps that name one account twice may fail to make an entry.
            Assert.Contains(entry.Error.Code, (string[])["same_account", "unbalanced_entry"]);
            return null;
        }

        return entry.Value;

        Result<JournalEntry> SplitEntry(Split s, Int128 units)
        {
            var half = units / 2;
            return JournalEntry.Create(
                "split",
                null,
                [
                    new Posting(Internal[s.From], Amount(s.Asset, -units)),
                    new Posting(Internal[s.To], Amount(s.Asset, half)),
                    new Posting(Internal[s.AlsoTo], Amount(s.Asset, units - half)),
                ]);
        }
    }

    private static Dictionary<(AccountId, Asset), Int128> Recompute(IEnumerable<JournalEntry> journal)
    {
        var balances = new Dictionary<(AccountId, Asset), Int128>();
        foreach (var posting in journal.SelectMany(entry => entry.Postings))
        {
            var key = (posting.Account, posting.Amount.Asset);
            balances[key] = balances.GetValueOrDefault(key) + posting.Amount.Units;
        }

        return balances;
    }

    private static SortedDictionary<string, Int128> NonZero(Dictionary<(AccountId, Asset), Int128> balances) =>
        new(balances.Where(b => b.Value != 0).ToDictionary(b => $"{b.Key.Item1}/{b.Key.Item2}", b => b.Value), StringComparer.Ordinal);

    private static string Describe(JournalEntry entry) =>
        string.Join(", ", entry.Postings.Select(p => $"{p.Account} {p.Amount.UnitsText} {p.Amount.Asset}"));
}
