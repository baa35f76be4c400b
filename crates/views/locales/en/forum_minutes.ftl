## Forum texts (forum_minutes)
