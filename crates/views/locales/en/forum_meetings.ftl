## Forum texts (forum_meetings)
