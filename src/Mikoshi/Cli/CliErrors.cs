using Mikoshi.Domain;

namespace Mikoshi.Cli;

/// <summary>
/// The errors of the command line: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class CliErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>file_not_found</c></summary>
        public const string FileNotFound = "file_not_found";

        /// <summary><c>output_required</c></summary>
        public const string OutputRequired = "output_required";
    }

    /// <summary>There is no file '{0}'.</summary>
    public static Error FileNotFound(string path) => new(Codes.FileNotFound, ErrorKind.NotFound, path);

    /// <summary>A PDF statement needs --out FILE.</summary>
    public static Error OutputRequired { get; } = new(Codes.OutputRequired, ErrorKind.Invalid);
}
