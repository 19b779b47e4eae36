"""The commonest function words of several languages: prose is dense in them, menus are not."""

from __future__ import annotations

_WORDS = """
the a an and or but of to in on at by for with from as is are was were be been being has have
had it its this that these those he she they we you i his her their our your not no so than
then there which who whom what when where while will would can could should may might must do
does did said says about after before over into out up also just more most only other some such
very if because all any one two new him them us my me

o os as um uma de do da dos das em no na nos nas por para com que e é ou se mas foi ser são
está como ao à aos mais seu sua seus suas ele ela eles elas isso este esta também já não
pelo pela há nem entre sobre quando muito sem até foram tem

el la los las un una del al y en es por con para que se lo su sus como más pero fue son ha
este esta sobre también ya no hay entre cuando muy sin hasta

il lo la i gli le un una di da del della dei delle in con su per tra fra che e è non si ma
come anche più nel nella sono alla al ha ho questo questa

le la les un une des de du et est en que qui dans pour pas sur au aux avec il elle ils ne se
ce cette son sa ses mais ou plus par été sont été

der die das den dem des ein eine einer und ist in zu mit von auf für nicht sich es im dass
auch als an wie bei aus nach noch wird sind war hat werden oder aber

de het een en van in op te is dat die met voor niet zijn aan ook als er maar om door over

и в во не на что с со как а то он она они по к у из за от о об для это был была были но
его её ее их так же ли бы уже при до все только или да мы вы я ты
"""

STOPWORDS = frozenset(_WORDS.split())
