// KeywordSpotting: placeholder until implemented.
