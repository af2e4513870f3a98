namespace Mikoshi.Domain.Matching;

/// <summary>The two similarity measures matching uses, over tag ids sorted ascending.</summary>
public static class Similarity
{
    /// <summary>
    /// Weighted Jaccard: the weight of the tags both hold over the weight of the tags either holds;
    /// 0 when both are empty. Rarer tags weigh more, so sharing an unusual value says more than sharing a common one.
    /// </summary>
    /// <param name="a">One set of tag ids, sorted ascending, no repeats.</param>
    /// <param name="b">The other, likewise.</param>
    /// <param name="weight">Each tag's weight (positive).</param>
    public static double WeightedJaccard(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Func<int, double> weight)
    {
        double both = 0, either = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && a[i] < b[j]))
            {
                either += weight(a[i++]);
            }
            else if (i >= a.Length || b[j] < a[i])
            {
                either += weight(b[j++]);
            }
            else
            {
                var w = weight(a[i]);
                both += w;
                either += w;
                i++;
                j++;
            }
        }

        return either == 0 ? 0 : both / either;
    }

    /// <summary>
    /// Cosine of two binary tag vectors weighted by inverse document frequency (TF-IDF with every term
    /// frequency 1, as a tag is held or not): 1 for the same tags, 0 for none in common or an empty side.
    /// </summary>
    /// <param name="a">One set of tag ids, sorted ascending, no repeats.</param>
    /// <param name="b">The other, likewise.</param>
    /// <param name="idf">Each tag's inverse document frequency (positive).</param>
    public static double TfIdfCosine(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Func<int, double> idf)
    {
        double dot = 0, normA = 0, normB = 0;
        foreach (var t in a)
        {
            var w = idf(t);
            normA += w * w;
        }

        foreach (var t in b)
        {
            var w = idf(t);
            normB += w * w;
        }

        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (b[j] < a[i])
            {
                j++;
            }
            else
            {
                var w = idf(a[i]);
                dot += w * w;
                i++;
                j++;
            }
        }

        return normA == 0 || normB == 0 ? 0 : Math.Min(1, dot / Math.Sqrt(normA * normB));
    }

    /// <summary>The ids both sorted sets hold, ascending.</summary>
    /// <param name="a">One set, sorted ascending.</param>
    /// <param name="b">The other.</param>
    public static List<int> Common(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var common = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (b[j] < a[i])
            {
                j++;
            }
            else
            {
                common.Add(a[i]);
                i++;
                j++;
            }
        }

        return common;
    }
}
