"""The six neutral sentences every voice says when casts are measured (written for these benches)."""

SENTENCES = [
    "The morning train was late again, so she walked the long way round by the river.",
    "He folded the map, put it back in his coat, and looked up at the grey sky.",
    "Nobody in the village could remember when the old bridge had last been painted.",
    "We kept the letters in a wooden box under the stairs, tied with a green ribbon.",
    "By the time the kettle boiled, the rain had stopped and the garden smelled of earth.",
    "They argued about the price for an hour, then shook hands and laughed about it.",
]
