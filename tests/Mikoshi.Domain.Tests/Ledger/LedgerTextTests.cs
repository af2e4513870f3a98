using Mikoshi.Domain.Ledger;

namespace Mikoshi.Domain.Tests;

public class LedgerTextTests
{
    private static readonly AccountId Alice = AccountId.ForPerson(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private static readonly AccountId Bob = AccountId.ForPerson(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    private static readonly AccountId[] Accounts = [AccountId.External, AccountId.Treasury, AccountId.HolderPool, AccountId.Dust, Alice, Bob, AccountId.ForEscrow("e1")];
    private static readonly Asset[] Assets = [Asset.Jpy, Asset.Usd, Asset.Usdc, Asset.Eth];

    [Fact]
    public void Canonical_WritesFixedKeysInAFixedOrderWithAmountsAsStrings()
    {
        var entry = JournalEntry.Move("deposit", "bank ref 42", AccountId.External, AccountId.Treasury, Money.Of(Asset.Eth, Int128.Parse("1000000000000000000000000001", System.Globalization.CultureInfo.InvariantCulture))).Value;

        var text = LedgerText.Canonical(7, entry, "tx-9");

        // The audit log stores this text and the verifier rebuilds it: any change here breaks old logs.
        Assert.Equal(
            """{"entry":7,"kind":"deposit","memo":"bank ref 42","reference":"tx-9","postings":[{"account":"external","asset":"ETH","units":"-1000000000000000000000000001"},{"account":"treasury","asset":"ETH","units":"1000000000000000000000000001"}]}""",
            text);
    }

    [Fact]
    public void Canonical_WritesKeyedAccountsWhole_HoweverLongTheirKey()
    {
        // The canonical text writes accounts and amounts from a span of 128 characters, and from a string beyond it.
        var escrow = AccountId.ForEscrow(new string('k', 200));
        var entry = JournalEntry.Create("escrow", null, [new Posting(Alice, Money.Of(Asset.Jpy, -5)), new Posting(escrow, Money.Of(Asset.Jpy, 5))]).Value;

        Assert.Equal(
            $$"""{"entry":3,"kind":"escrow","memo":"","reference":"r","postings":[{"account":"person:0f8fad5bd9cb469fa16570867728950e","asset":"JPY","units":"-5"},{"account":"escrow:{{new string('k', 200)}}","asset":"JPY","units":"5"}]}""",
            LedgerText.Canonical(3, entry, "r"));
    }

    [Fact]
    public void Canonical_WithoutReference_WritesAnEmptyOne()
    {
        var entry = JournalEntry.Move("transfer", null, Alice, Bob, Money.Of(Asset.Jpy, 1)).Value;

        Assert.Contains("\"reference\":\"\"", LedgerText.Canonical(1, entry, null), StringComparison.Ordinal);
    }

    // Memos and references people write: ASCII, JSON's special characters, Japanese.
    private static readonly Gen<string> AText = Gen.Char["ab 9\"\\/\n\t<>&'あい漢字ー"].Array[0, 40].Select(chars => new string(chars));

    /// <summary>A random valid entry: two to four pairs of legs, each pair moving one asset between two accounts.</summary>
    private static readonly Gen<JournalEntry> AnEntry =
        Gen.Select(Gen.Int[0, Accounts.Length - 1], Gen.Int[0, Accounts.Length - 1], Gen.Int[0, Assets.Length - 1], Gen.Long[1, long.MaxValue])
            .Array[1, 3]
            .Select(AText, (pairs, memo) => JournalEntry.Create(
                "transfer",
                memo,
                [.. pairs.SelectMany(p => new[]
                {
                    new Posting(Accounts[p.Item1], Money.Of(Assets[p.Item3], -p.Item4)),
                    new Posting(Accounts[p.Item2], Money.Of(Assets[p.Item3], p.Item4)),
                })]))
            .Where(result => result.IsSuccess)
            .Select(result => result.Value);

    [Fact]
    public void Canonical_IsStableForTheSameEntry()
    {
        Gen.Select(AnEntry, Gen.Long[1, long.MaxValue], AText).Sample((entry, number, reference) =>
        {
            var rebuilt = JournalEntry.Create(entry.Kind, entry.Memo, [.. entry.Postings.Select(p => new Posting(p.Account, p.Amount))]).Value;

            var first = LedgerText.Canonical(number, entry, reference);
            Assert.Equal(first, LedgerText.Canonical(number, entry, reference));
            Assert.Equal(first, LedgerText.Canonical(number, rebuilt, reference));
        });
    }

    [Fact]
    public void Write_WithOneWriterReusedForManyEntries_WritesEachAsCanonicalDoes()
    {
        // The verifier rebuilds every entry this way: one buffer and one JSON writer, reset between entries (so one thread).
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        using var json = new System.Text.Json.Utf8JsonWriter(bytes);
        Gen.Select(AnEntry, Gen.Long[1, long.MaxValue], AText).Sample((entry, number, reference) =>
        {
            bytes.ResetWrittenCount();
            json.Reset(bytes);

            LedgerText.Write(json, number, entry, reference);

            Assert.Equal(LedgerText.Canonical(number, entry, reference), System.Text.Encoding.UTF8.GetString(bytes.WrittenSpan));

            // The verifier compares a stored payload with these bytes character for byte: they must be ASCII, whatever the memo.
            Assert.True(System.Text.Ascii.IsValid(bytes.WrittenSpan));
        }, threads: 1);
    }

    [Fact]
    public void Canonical_ChangesWhenAnyPostingChanges()
    {
        Gen.Select(AnEntry, Gen.Int[0, 1000], Gen.Int[0, 3]).Sample((entry, pick, change) =>
        {
            var original = LedgerText.Canonical(1, entry, "r");
            var postings = entry.Postings.ToList();
            var i = pick % postings.Count;
            var partner = postings.FindIndex(p => p != postings[i] && p.Amount.Asset == postings[i].Amount.Asset);
            var other = postings[i];
            switch (change)
            {
                case 0: // the account: move this leg to an account no other leg uses
                    postings[i] = other with { Account = AccountId.ForEscrow("changed") };
                    break;
                case 1: // the amount: one more unit here, one less on a leg of the same asset
                    postings[i] = other with { Amount = Money.Of(other.Amount.Asset, other.Amount.Units + 1) };
                    postings[partner] = postings[partner] with { Amount = Money.Of(other.Amount.Asset, postings[partner].Amount.Units - 1) };
                    break;
                case 2: // the asset: every leg of this asset becomes another asset, decimals and all
                    var replacement = Asset.Of("XAU", 3).Value;
                    postings = [.. postings.Select(p => p.Amount.Asset == other.Amount.Asset ? p with { Amount = Money.Of(replacement, p.Amount.Units) } : p)];
                    break;
                default: // the order of the legs
                    postings.Reverse();
                    break;
            }

            var changed = JournalEntry.Create(entry.Kind, entry.Memo, postings);
            if (!changed.IsSuccess)
            {
                return; // the change made a zero leg or a duplicate: not an entry the ledger could hold
            }

            Assert.NotEqual(original, LedgerText.Canonical(1, changed.Value, "r"));
        });
    }

    [Fact]
    public void Canonical_ChangesWithTheNumberKindMemoOrReference()
    {
        var entry = JournalEntry.Move("transfer", "お礼", Alice, Bob, Money.Of(Asset.Jpy, 100)).Value;
        var original = LedgerText.Canonical(1, entry, "r");

        Assert.NotEqual(original, LedgerText.Canonical(2, entry, "r"));
        Assert.NotEqual(original, LedgerText.Canonical(1, entry, "s"));
        Assert.NotEqual(original, LedgerText.Canonical(1, JournalEntry.Move("refund", "お礼", Alice, Bob, Money.Of(Asset.Jpy, 100)).Value, "r"));
        Assert.NotEqual(original, LedgerText.Canonical(1, JournalEntry.Move("transfer", "お礼!", Alice, Bob, Money.Of(Asset.Jpy, 100)).Value, "r"));
    }
}
