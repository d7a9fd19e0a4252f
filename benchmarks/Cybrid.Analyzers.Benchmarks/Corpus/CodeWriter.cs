using System.Text;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>Writes indented C# (four spaces, LF line ends).</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder(4096);
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _text.Append(' ', _indent * 4);
                _text.Append(text);
            }

            _text.Append('\n');
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        /// <summary>Appends a multi-line block (for example a raw string literal), each line at the current indentation.</summary>
        public void Block(string text)
        {
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '\n')
                {
                    var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                    Line(text.Substring(start, end - start).TrimEnd());
                    start = i + 1;
                }
            }
        }

        public override string ToString() => _text.ToString();
    }
}
