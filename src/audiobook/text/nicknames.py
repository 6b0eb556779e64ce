"""English pet names and the given names they stand for ("Lizzy" -> Elizabeth), lower-cased: discovery
(characters.py) takes a pet name for the one character with such a given name. General knowledge of
English names, written for this project; no book's list.
"""

_PAIRS = """
    lizzy:elizabeth lizzie:elizabeth liz:elizabeth eliza:elizabeth bess:elizabeth bessie:elizabeth
    betsy:elizabeth betsey:elizabeth betty:elizabeth beth:elizabeth tom:thomas tommy:thomas
    jack:john johnny:john bill:william billy:william will:william willie:william willy:william
    bob:robert bobby:robert rob:robert robin:robert dick:richard dickie:richard harry:henry hal:henry
    ned:edward/edmund ted:edward/theodore teddy:edward/theodore kate:catherine/katharine/katherine
    kitty:catherine/katharine/katherine katie:catherine/katharine/katherine meg:margaret
    maggie:margaret peggy:margaret polly:mary molly:mary mamie:mary sally:sarah sadie:sarah
    nan:ann/anne/anna nancy:ann/anne/anna annie:ann/anne/anna jim:james jimmy:james jamie:james
    joe:joseph joey:joseph sam:samuel sammy:samuel charlie:charles chas:charles fred:frederick/alfred
    freddy:frederick/alfred freddie:frederick/alfred nell:ellen/eleanor/helen nelly:ellen/eleanor/helen
    nellie:ellen/eleanor/helen sue:susan susie:susan jenny:jane/jennifer fanny:frances tony:anthony
    nick:nicholas andy:andrew sandy:alexander/alexandra alec:alexander dolly:dorothy dora:dorothy
    patsy:patricia patty:martha/patricia matty:matthew/martha mattie:martha ben:benjamin benny:benjamin
    phil:philip dan:daniel danny:daniel davy:david tim:timothy ally:alice/alison becky:rebecca
    abby:abigail jo:josephine/joanna/joan georgy:georgiana/george georgie:georgiana/george
    mike:michael mick:michael mickey:michael jake:jacob ed:edward/edwin/edmund eddie:edward/edwin/edmund
    len:leonard lenny:leonard gus:augustus steve:stephen/steven ken:kenneth ron:ronald don:donald
    larry:lawrence/laurence greg:gregory"""

NICKNAMES: dict[str, frozenset[str]] = {
    nick: frozenset(full.split("/")) for nick, full in (pair.split(":") for pair in _PAIRS.split())}
