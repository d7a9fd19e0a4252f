namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>One generated C# source file of a corpus.</summary>
    public sealed class CorpusFile
    {
        public CorpusFile(string path, string text, string kind)
        {
            Path = path;
            Text = text;
            Kind = kind;
            var lines = 0;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    lines++;
                }
            }

            LineCount = lines;
        }

        /// <summary>A relative path such as <c>Contoso.Billing/InvoiceCalculator.cs</c> ('/' separated).</summary>
        public string Path { get; }

        /// <summary>The C# text.</summary>
        public string Text { get; }

        /// <summary>What the file is, one of <see cref="CorpusKinds"/>.</summary>
        public string Kind { get; }

        /// <summary>Physical lines (newline characters) in <see cref="Text"/>.</summary>
        public int LineCount { get; }

        public void Deconstruct(out string path, out string text)
        {
            path = Path;
            text = Text;
        }
    }

    /// <summary>The kinds of generated files; the corpus mixes them in fixed, realistic proportions.</summary>
    public static class CorpusKinds
    {
        /// <summary>Domain models, calculations, repositories, mapping, validation, reports: no HTTP at all.</summary>
        public const string Business = "business";

        /// <summary>Options classes with URL- and secret-named properties.</summary>
        public const string Options = "options";

        /// <summary>Typed HttpClient wrappers for third-party (non-Cybrid) APIs.</summary>
        public const string HttpClient = "http-client";

        /// <summary>ASP.NET Core MVC controllers.</summary>
        public const string Controller = "controller";

        /// <summary>Minimal-API endpoint maps, including webhook receivers of third-party services.</summary>
        public const string MinimalApi = "minimal-api";

        /// <summary>Hosted background services that log.</summary>
        public const string Worker = "worker";

        /// <summary>Dependency-injection registration (AddHttpClient, Configure).</summary>
        public const string Registration = "registration";

        /// <summary>Code that talks to Cybrid: token requests, Bank API calls, webhook receivers; some of it breaks the rules.</summary>
        public const string Cybrid = "cybrid";
    }
}
