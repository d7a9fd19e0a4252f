namespace Cybrid.Analyzers
{
    internal static class RuleCategories
    {
        public const string Security = "Security";
        public const string Configuration = "Configuration";
    }
}
