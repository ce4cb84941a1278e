package searchindex

// ordinals are, by language, the words for the ordinal numbers one to
// twelve, each with the forms a reader types (gender, and in Russian the
// cases the light stemmer does not join): a meeting is also found by its
// numbers in words, in the index's language and in English ("seventh
// review meeting", «седьмое совещание», «séptima reunión»), where its
// title writes them in figures ("7th", «7-е»). Chinese and Arabic titles
// write them in words already (第七, السابع). Searched, never shown.
var ordinals = map[string][12][]string{
	"en": {
		{"first"}, {"second"}, {"third"}, {"fourth"}, {"fifth"}, {"sixth"},
		{"seventh"}, {"eighth"}, {"ninth"}, {"tenth"}, {"eleventh"}, {"twelfth"},
	},
	"fr": {
		{"premier", "première"}, {"deuxième", "second", "seconde"}, {"troisième"}, {"quatrième"},
		{"cinquième"}, {"sixième"}, {"septième"}, {"huitième"}, {"neuvième"}, {"dixième"},
		{"onzième"}, {"douzième"},
	},
	"es": {
		{"primera", "primer", "primero"}, {"segunda", "segundo"}, {"tercera", "tercer", "tercero"},
		{"cuarta", "cuarto"}, {"quinta", "quinto"}, {"sexta", "sexto"}, {"séptima", "séptimo"},
		{"octava", "octavo"}, {"novena", "noveno"}, {"décima", "décimo"},
		{"undécima", "undécimo"}, {"duodécima", "duodécimo"},
	},
	// The neuter of совещание and its cases; «третий» keeps its soft sign
	// in some cases, which the stemmer leaves.
	"ru": {
		{"первое"}, {"второе"}, {"третье", "третьего", "третьем", "третьему"}, {"четвёртое"},
		{"пятое"}, {"шестое"}, {"седьмое"}, {"восьмое"}, {"девятое"}, {"десятое"},
		{"одиннадцатое"}, {"двенадцатое"},
	},
}

// ordinalWords are the words a meeting of these numbers is found by in the
// index of lang: English's, and lang's own.
func ordinalWords(lang string, numbers []int) []string {
	langs := []string{catalogLang}
	if lang != catalogLang {
		langs = append(langs, lang)
	}
	var out []string
	for _, l := range langs {
		table := ordinals[l]
		for _, n := range numbers {
			if n >= 1 && n <= len(table) {
				out = append(out, table[n-1]...)
			}
		}
	}
	return out
}
