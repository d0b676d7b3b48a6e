namespace ClinicBot.Knowledge.Text;

/// <summary>
/// M. F. Porter's 1980 suffix-stripping algorithm, so "monitored", "monitoring" and "monitor" meet on one term.
/// Operates on lowercase ASCII words; anything else is returned unchanged.
/// </summary>
internal static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z')) return word;

        var b = word.ToCharArray();
        var k = b.Length - 1;
        var state = new State(b, k);
        state.Step1ab();
        if (state.K > 0)
        {
            state.Step1c();
            state.Step2();
            state.Step3();
            state.Step4();
            state.Step5();
        }

        return new string(b, 0, state.K + 1);
    }

    private sealed class State(char[] b, int k)
    {
        private int _j;

        public int K { get; private set; } = k;

        private bool IsConsonant(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // The number of vowel-consonant sequences between 0 and j.
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j) return n;
                if (!IsConsonant(i)) break;
                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j) return n;
                    if (IsConsonant(i)) break;
                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j) return n;
                    if (!IsConsonant(i)) break;
                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i)) return true;
            }

            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && b[j] == b[j - 1] && IsConsonant(j);

        // consonant-vowel-consonant, where the last consonant is not w, x or y.
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2)) return false;
            return b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string s)
        {
            var length = s.Length;
            var offset = K - length + 1;
            if (offset < 0) return false;
            for (var i = 0; i < length; i++)
            {
                if (b[offset + i] != s[i]) return false;
            }

            _j = K - length;
            return true;
        }

        private void SetTo(string s)
        {
            var offset = _j + 1;
            for (var i = 0; i < s.Length; i++) b[offset + i] = s[i];
            K = _j + s.Length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0) SetTo(s);
        }

        public void Step1ab()
        {
            if (b[K] == 's')
            {
                if (EndsWith("sses")) K -= 2;
                else if (EndsWith("ies")) SetTo("i");
                else if (b[K - 1] != 's') K--;
            }

            if (EndsWith("eed"))
            {
                if (Measure() > 0) K--;
            }
            else if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                K = _j;
                if (EndsWith("at")) SetTo("ate");
                else if (EndsWith("bl")) SetTo("ble");
                else if (EndsWith("iz")) SetTo("ize");
                else if (DoubleConsonant(K))
                {
                    K--;
                    if (b[K] is 'l' or 's' or 'z') K++;
                }
                else if (Measure() == 1 && Cvc(K))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1c()
        {
            if (EndsWith("y") && VowelInStem()) b[K] = 'i';
        }

        public void Step2()
        {
            if (K == 0) return;
            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (K == 0) return;
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix)) continue;
                if (suffix == "ion" && !(_j >= 0 && b[_j] is 's' or 't')) return;
                if (Measure() > 1) K = _j;
                return;
            }
        }

        public void Step5()
        {
            _j = K;
            if (b[K] == 'e')
            {
                var a = Measure();
                if (a > 1 || (a == 1 && !Cvc(K - 1))) K--;
            }

            if (b[K] == 'l' && DoubleConsonant(K))
            {
                _j = K;
                if (Measure() > 1) K--;
            }
        }

        private static readonly (string, string)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string, string)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];
    }
}
