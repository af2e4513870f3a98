namespace Mikoshi.Resources;

/// <summary>The web UI's words, in Ui.resx (English) and Ui.ja.resx (Japanese).</summary>
public sealed class Ui;
