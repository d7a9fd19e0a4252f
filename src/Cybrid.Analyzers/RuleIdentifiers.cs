namespace Cybrid.Analyzers
{
    /// <summary>The rule IDs of the package, in one place. IDs are never reused once retired.</summary>
    internal static class RuleIdentifiers
    {
        public const string InvalidOption = "CYB0000";
        public const string HardcodedCredential = "CYB0001";
        public const string PrivilegedTokenOnCustomerRequest = "CYB0002";
        public const string NonConstantTimeSignatureComparison = "CYB0003";
        public const string PlainHttpUri = "CYB0004";
        public const string InfiniteHttpTimeout = "CYB0005";
        public const string SecretWrittenToLog = "CYB0006";

        /// <summary>Where the rule pages live; the help link of every descriptor points below it.</summary>
        public const string DocumentationRoot = "https://github.com/cybrid-analyzers/Cybrid.Analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => DocumentationRoot + id + ".md";
    }
}
