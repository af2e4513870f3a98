namespace Mikoshi.Resources;

/// <summary>A sentence for each problem code a person may meet in the UI, in Errors.resx and Errors.ja.resx.</summary>
public sealed class Errors;
