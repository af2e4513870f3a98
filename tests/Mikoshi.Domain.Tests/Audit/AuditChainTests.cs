using System.Globalization;
using Mikoshi.Domain.Audit;

namespace Mikoshi.Domain.Tests;

public class AuditChainTests
{
    private static readonly Guid Community = Guid.Parse("5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    // Fields as the app writes them: ids, dotted kinds, JSON with Japanese text; sometimes empty.
    private static readonly Gen<string> AText = Gen.Char["abcxyz019.-_:|{}[]\",\\ 価値観共創あ"].Array[0, 30].Select(chars => new string(chars));

    private static readonly Gen<(string Actor, string Kind, string Payload, long StepMs)> ALink =
        Gen.Select(AText, AText, AText, Gen.Long[0, 86_400_000]);

    private static readonly Gen<AuditRecord[]> AChain = ALink.Array[1, 25].Select(links => Build(Community, links));

    private static AuditRecord[] Build(Guid chain, IEnumerable<(string Actor, string Kind, string Payload, long StepMs)> links)
    {
        var records = new List<AuditRecord>();
        var at = Start;
        foreach (var (actor, kind, payload, stepMs) in links)
        {
            at = at.AddMilliseconds(stepMs);
            records.Add(AuditChain.Next(records.LastOrDefault(), chain, at, actor, kind, payload));
        }

        return [.. records];
    }

    [Fact]
    public void Next_NumbersLinksFromOneAndChainsEachToTheHashBefore()
    {
        AChain.Sample(records =>
        {
            Assert.Equal(AuditChain.Genesis, records[0].PreviousHash);
            for (var i = 0; i < records.Length; i++)
            {
                Assert.Equal(i + 1, records[i].Sequence);
                Assert.Equal(Community, records[i].Chain);
                Assert.Matches("^[0-9a-f]{64}$", records[i].Hash);
                if (i > 0)
                {
                    Assert.Equal(records[i - 1].Hash, records[i].PreviousHash);
                }
            }
        });
    }

    [Fact]
    public void Next_KeepsTheInstantToTheMillisecond()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_743_465_600_123);

        var record = AuditChain.Next(null, Community, at, "system", "community.created", "{}");

        Assert.Equal(1_743_465_600_123, record.AtUnixMs);
    }

    [Fact]
    public void Verify_ABuiltChain_FindsNoBreak()
    {
        AChain.Sample(records => Assert.Null(AuditChain.Verify(records, Community)));
    }

    [Fact]
    public void Verify_AnEmptyChain_FindsNoBreak()
    {
        Assert.Null(AuditChain.Verify([], Community));
    }

    private enum Field
    {
        Chain,
        Sequence,
        AtUnixMs,
        Actor,
        Kind,
        Payload,
        PreviousHash,
        Hash,
    }

    [Fact]
    public void Verify_AfterAnyOneCharacterOfAnyFieldIsChanged_ReportsThatLink()
    {
        var edit = Gen.Select(AChain, Gen.Int[0, 1000], Gen.Enum<Field>(), Gen.Int[0, 1000], Gen.Int[1, 1000]);
        edit.Sample((records, pick, field, position, replacement) =>
        {
            var index = pick % records.Length;
            var record = records[index];
            var edited = field switch
            {
                Field.Chain => record with { Chain = Guid.ParseExact(ChangeOne(record.Chain.ToString("N"), position, replacement, "0123456789abcdef"), "N") },
                Field.Sequence => record with { Sequence = long.Parse(ChangeOne(Invariant(record.Sequence), position, replacement, "0123456789"), CultureInfo.InvariantCulture) },
                Field.AtUnixMs => record with { AtUnixMs = long.Parse(ChangeOne(Invariant(record.AtUnixMs), position, replacement, "0123456789"), CultureInfo.InvariantCulture) },
                Field.Actor => record with { Actor = ChangeOne(record.Actor, position, replacement, Alphabet) },
                Field.Kind => record with { Kind = ChangeOne(record.Kind, position, replacement, Alphabet) },
                Field.Payload => record with { Payload = ChangeOne(record.Payload, position, replacement, Alphabet) },
                Field.PreviousHash => record with { PreviousHash = ChangeOne(record.PreviousHash, position, replacement, Alphabet) },
                _ => record with { Hash = ChangeOne(record.Hash, position, replacement, Alphabet) },
            };
            Assert.NotEqual(record, edited);
            var tampered = records.ToArray();
            tampered[index] = edited;

            var found = AuditChain.Verify(tampered, Community);

            Assert.NotNull(found);
            Assert.Equal(record.Sequence, found.Sequence);
            Assert.False(string.IsNullOrWhiteSpace(found.Reason));
        }, iter: 1000);
    }

    [Fact]
    public void Verify_AfterALinkIsEditedAndRehashed_ReportsTheNextLink()
    {
        // A forger who recomputes the edited link's own hash still breaks the next link's previous hash.
        Gen.Select(AChain.Where(records => records.Length >= 2), Gen.Int[0, 1000]).Sample((records, pick) =>
        {
            var index = pick % (records.Length - 1);
            var record = records[index];
            var payload = record.Payload + "!";
            var tampered = records.ToArray();
            tampered[index] = record with
            {
                Payload = payload,
                Hash = AuditChain.HashOf(record.Chain, record.Sequence, record.AtUnixMs, record.Actor, record.Kind, payload, record.PreviousHash),
            };

            var found = AuditChain.Verify(tampered, Community);

            Assert.NotNull(found);
            Assert.Equal(record.Sequence + 1, found.Sequence);
        });
    }

    [Fact]
    public void Verify_AfterALinkIsDeleted_ReportsTheMissingSequence()
    {
        Gen.Select(AChain.Where(records => records.Length >= 2), Gen.Int[0, 1000]).Sample((records, pick) =>
        {
            // Every link but the last: a cut-off tail leaves a valid shorter chain (see the report).
            var index = pick % (records.Length - 1);
            var tampered = records.Where((_, i) => i != index).ToArray();

            var found = AuditChain.Verify(tampered, Community);

            Assert.NotNull(found);
            Assert.Equal(records[index].Sequence, found.Sequence);
        });
    }

    [Fact]
    public void Verify_AfterTwoLinksAreSwapped_ReportsTheEarlierPosition()
    {
        Gen.Select(AChain.Where(records => records.Length >= 2), Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((records, first, second) =>
        {
            var i = first % records.Length;
            var j = second % records.Length;
            if (i == j)
            {
                j = (i + 1) % records.Length;
            }

            var tampered = records.ToArray();
            (tampered[i], tampered[j]) = (tampered[j], tampered[i]);

            var found = AuditChain.Verify(tampered, Community);

            Assert.NotNull(found);
            Assert.Equal(Math.Min(i, j) + 1, found.Sequence);
        });
    }

    [Fact]
    public void Verify_ALinkFromAnotherChainInItsPlace_IsReportedThere()
    {
        var other = Guid.Parse("00000000-0000-0000-0000-000000000001");
        Gen.Select(AChain, Gen.Int[0, 1000]).Sample((records, pick) =>
        {
            var index = pick % records.Length;
            var foreign = Build(other, records.Select(r => (r.Actor, r.Kind, r.Payload, 0L)));
            var tampered = records.ToArray();
            tampered[index] = foreign[index];

            var found = AuditChain.Verify(tampered, Community);

            Assert.NotNull(found);
            Assert.Equal(index + 1, found.Sequence);
        });
    }

    [Fact]
    public void Verify_ALinkFromAnotherChainAppended_IsReportedAtTheEnd()
    {
        // The foreign link carries its own sequence number (1 here); the break is where it sits.
        var other = Guid.Parse("00000000-0000-0000-0000-000000000001");
        AChain.Sample(records =>
        {
            var foreign = AuditChain.Next(null, other, Start, "system", "community.created", "{}");

            var found = AuditChain.Verify([.. records, foreign], Community);

            Assert.NotNull(found);
            Assert.Equal(records.Length + 1, found.Sequence);
        });
    }

    [Fact]
    public void Verify_AWholeChainCheckedAgainstAnotherId_IsReportedAtItsFirstLink()
    {
        AChain.Sample(records =>
        {
            var found = AuditChain.Verify(records, Guid.Parse("00000000-0000-0000-0000-000000000001"));

            Assert.NotNull(found);
            Assert.Equal(1, found.Sequence);
        });
    }

    [Fact]
    public void HashOf_SeparatesFieldsUnambiguously()
    {
        // Moving characters across a field boundary must change the hash.
        var split = AuditChain.HashOf(Community, 1, 0, "ab", "c", "d", AuditChain.Genesis);
        var shifted = AuditChain.HashOf(Community, 1, 0, "a", "bc", "d", AuditChain.Genesis);
        var delimiter = AuditChain.HashOf(Community, 1, 0, "a|1:b", "c", "d", AuditChain.Genesis);
        var joined = AuditChain.HashOf(Community, 1, 0, "a", "b", "c|1:d", AuditChain.Genesis);

        Assert.Equal(4, new[] { split, shifted, delimiter, joined }.Distinct().Count());
    }

    private const string Alphabet = "0123456789abcdefxyz{}\":,|あ価";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with exactly one character replaced by a different one from <paramref name="alphabet"/>;
    /// an empty text gets one character instead.
    /// </summary>
    private static string ChangeOne(string text, int position, int replacement, string alphabet)
    {
        if (text.Length == 0)
        {
            return alphabet[replacement % alphabet.Length].ToString();
        }

        var at = position % text.Length;
        var candidates = alphabet.Where(c => c != text[at]).ToArray();
        return string.Concat(text.AsSpan(0, at), candidates[replacement % candidates.Length].ToString(), text.AsSpan(at + 1));
    }
}
