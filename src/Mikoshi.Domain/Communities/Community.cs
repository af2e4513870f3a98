namespace Mikoshi.Domain.Communities;

/// <summary>
/// A community that runs as a DAO: a slug for its address, a name, a charter of shared values
/// (価値観) and the assets it counts money in.
/// </summary>
public sealed class Community
{
    /// <summary>Most values a charter lists.</summary>
    public const int MaxValues = 20;

    /// <summary>Longest value, in characters.</summary>
    public const int MaxValueLength = 40;

    /// <summary>Longest charter text, in characters.</summary>
    public const int MaxCharterLength = 10_000;

    /// <summary>Longest name, in characters.</summary>
    public const int MaxNameLength = 100;

    private List<string> values = [];
    private List<string> assets = [];

    private Community()
    {
        Slug = string.Empty;
        Name = string.Empty;
        CharterText = string.Empty;
        BaseAsset = string.Empty;
    }

    /// <summary>The id.</summary>
    public CommunityId Id { get; private set; }

    /// <summary>The address: 3–40 lower-case letters, digits and inner hyphens.</summary>
    public string Slug { get; private set; }

    /// <summary>The name people see.</summary>
    public string Name { get; private set; }

    /// <summary>The charter's text.</summary>
    public string CharterText { get; private set; }

    /// <summary>The values the charter lists, in order.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>The asset figures are shown in, such as JPY.</summary>
    public string BaseAsset { get; private set; }

    /// <summary>Every asset the community accepts, the base asset first.</summary>
    public IReadOnlyList<string> Assets => assets;

    /// <summary>When it was founded.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who founded it.</summary>
    public PersonId CreatedBy { get; private set; }

    /// <summary>Founds a community, checking every field.</summary>
    public static Result<Community> Found(
        string? slug,
        string? name,
        string? charterText,
        IReadOnlyList<string>? values,
        string? baseAsset,
        IReadOnlyList<string>? otherAssets,
        PersonId founder,
        DateTimeOffset at)
    {
        if (slug is null || slug.Length is < 3 or > 40 || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            || slug.StartsWith('-') || slug.EndsWith('-'))
        {
            return Error.Of("invalid_slug", "A slug is 3 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen.");
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Error.Of("invalid_name", $"A name is 1 to {MaxNameLength} characters.");
        }

        charterText = charterText?.Trim() ?? string.Empty;
        if (charterText.Length > MaxCharterLength)
        {
            return Error.Of("invalid_charter", $"A charter is at most {MaxCharterLength} characters.");
        }

        var cleanValues = (values ?? []).Select(v => v?.Trim() ?? string.Empty).ToList();
        if (cleanValues.Count > MaxValues || cleanValues.Any(v => v.Length is 0 or > MaxValueLength)
            || cleanValues.Distinct(StringComparer.Ordinal).Count() != cleanValues.Count)
        {
            return Error.Of("invalid_charter", $"A charter lists up to {MaxValues} distinct values of 1 to {MaxValueLength} characters.");
        }

        var asset = Asset.FromKnownCode(baseAsset ?? Asset.Jpy.Code);
        if (!asset.IsSuccess)
        {
            return asset.Error!;
        }

        var accepted = new List<string> { asset.Value.Code };
        foreach (var other in otherAssets ?? [])
        {
            var known = Asset.FromKnownCode(other);
            if (!known.IsSuccess)
            {
                return known.Error!;
            }

            if (!accepted.Contains(known.Value.Code))
            {
                accepted.Add(known.Value.Code);
            }
        }

        return new Community
        {
            Id = CommunityId.New(),
            Slug = slug,
            Name = name,
            CharterText = charterText,
            values = cleanValues,
            BaseAsset = asset.Value.Code,
            assets = accepted,
            CreatedAt = at,
            CreatedBy = founder,
        };
    }

    /// <summary>The asset named <paramref name="code"/> if this community accepts it.</summary>
    public Result<Asset> Accepts(string? code)
    {
        if (code is null || !assets.Contains(code))
        {
            return Error.Of("unknown_asset", $"{Name} does not accept '{code}'; it accepts {string.Join(", ", assets)}.");
        }

        return Asset.FromKnownCode(code);
    }
}
